import { useState } from 'react';
// The JSX types of <rapport-questionnaire> for React 19 (types only: nothing is loaded).
import type {} from 'rapport-questionnaire/react';
import { clinicForm } from './clinic-form';

export function App() {
  const [sent, setSent] = useState<string | null>(null);
  return (
    <main>
      <h1>Before your next appointment</h1>
      {/* `definition` is set as a property (React 19 sets a custom element's known properties),
          and `onrapport-submitted` listens to the `rapport-submitted` event. */}
      <rapport-questionnaire
        definition={clinicForm}
        endpoint="/api/responses"
        lang="en"
        context={JSON.stringify({ appointmentId: 'R-19' })}
        onrapport-submitted={(e) => setSent(e.detail.receipt.id ?? e.detail.idempotencyKey)}
      />
      {sent && <p role="status" data-testid="app-sent">Thank you: received as {sent}</p>}
    </main>
  );
}
