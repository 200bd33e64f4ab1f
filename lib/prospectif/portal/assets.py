"""The portal's style sheet and search script (written once into the site's ``assets/``)."""

PORTAL_CSS = """
body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 1.5rem auto; max-width: 70rem;
       padding: 0 1rem; color: #222; font-size: 17px; }
.muted { color: #555; } nav { margin-bottom: .5rem; }
input[type=search] { font-size: 18px; padding: .3rem .5rem; width: 22rem; max-width: 90vw; }
#territories { list-style: none; padding: 0; } .territory { padding: .5rem 0;
border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; }
td.num { text-align: right; white-space: nowrap; } th { background: #f3f3f3; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr));
             gap: .5rem; }
.multiples > div { min-width: 0; overflow: hidden; }
"""

SEARCH_JS = """
// Accent-insensitive search of the territories, in the page (no network).
const key = s => s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().trim();
const box = document.getElementById('search');
const items = [...document.querySelectorAll('#territories .territory')];
function filter() {
  const words = key(box.value).split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const item of items) {
    const ok = words.every(w => item.dataset.search.includes(w));
    item.hidden = !ok; shown += ok;
  }
  document.getElementById('count').textContent = shown;
  document.getElementById('none').hidden = shown > 0;
}
box.addEventListener('input', filter);
"""
