import { useEffect, useState } from 'react';
// The JSX types of <rapport-questionnaire> for React 19 (types only: nothing is loaded).
import type {} from 'rapport-questionnaire/react';
import { clinicForm } from './clinic-form';

// The signed-in patient's subject token comes from the portal's own server. Here: the reference
// receiver's demo portal (`--demo` only), which mints one for a demo patient.
async function fetchSubjectToken(): Promise<string> {
  const reply = await fetch('/demo/subject-token?patient=demo-ana', { cache: 'no-store' });
  if (!reply.ok) throw new Error(`subject token: HTTP ${reply.status}`);
  return ((await reply.json()) as { token: string }).token;
}

export function App() {
  const [token, setToken] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  useEffect(() => { fetchSubjectToken().then(setToken, console.error); }, []);
  if (!token) return <p>Loading…</p>;
  return (
    <main>
      <h1>Before your next appointment</h1>
      {/* React 19 sets `definition` and `subjectToken` as properties (the element defines
          them), and `onrapport-submitted` listens to the `rapport-submitted` event. */}
      <rapport-questionnaire
        definition={clinicForm}
        subjectToken={token}
        endpoint="/api/responses"
        lang="en"
        context={JSON.stringify({ appointmentId: 'R-19' })}
        onrapport-submitted={(e) => setSent(e.detail.receipt.id ?? e.detail.idempotencyKey)}
      />
      {sent && <p role="status" data-testid="app-sent">Thank you: received as {sent}</p>}
    </main>
  );
}
