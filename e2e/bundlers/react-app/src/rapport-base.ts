// Where the widget's files are served: `public/rapport/` (copied from the package's `cdn/` by
// the `prebuild` script). Imported first, before anything renders the element.
import { setBasePath } from 'rapport-questionnaire';

setBasePath('/rapport/');
