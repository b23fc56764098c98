// The clinic's own questionnaire (FHIR R4), given to the element as an object. The receiver
// knows it too (run.mjs starts it with --definitions-dir pointing at clinic-form.json).
import form from './clinic-form.json';

export const clinicForm: object = form;
