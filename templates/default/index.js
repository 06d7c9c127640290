// The press room's filter: by text, type and issuer. Without it (scripts
// off), the page lists every release and the form stays hidden.
(() => {
  const form = document.querySelector('.filter');
  if (!form) return;
  const entries = Array.from(document.querySelectorAll('.entry'));
  const months = Array.from(document.querySelectorAll('.month'));
  const count = form.querySelector('.count');
  const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const texts = new Map(entries.map((li) => [li, fold(li.dataset.text || '')]));
  const apply = () => {
    const words = fold(form.elements.text.value).split(/\s+/u).filter(Boolean);
    const type = form.elements.type.value;
    const issuer = form.elements.issuer.value;
    let shown = 0;
    for (const li of entries) {
      const text = texts.get(li);
      const match = (!type || li.dataset.type === type) && (!issuer || li.dataset.issuer === issuer) && words.every((w) => text.includes(w));
      li.hidden = !match;
      if (match) shown += 1;
    }
    for (const month of months) month.hidden = !month.querySelector('.entry:not([hidden])');
    // The words come from the page, in its language: "{count} releases", "{shown} of {count} releases".
    const label = shown === entries.length ? count.dataset.all : count.dataset.some;
    count.textContent = label.replace('{count}', String(entries.length)).replace('{shown}', String(shown));
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
