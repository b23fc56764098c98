// Where the widget's files are served: `public/rapport/` (copied from the package's `cdn/`).
import { setBasePath } from 'rapport-questionnaire';

setBasePath('/rapport/');
