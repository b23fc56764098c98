// The portal's entry: the base path first (the widget's files are copied to public/rapport/ by
// the `prebuild` script), then the element is used.
import './rapport-base.js';

document.addEventListener('rapport-submitted', (e) => {
  document.getElementById('status').textContent = `Sent (${e.detail.receipt.id ?? 'no id'})`;
});
