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
  // The words come from the page as data, in its language: for each plural
  // category of `locale` a form ({"one": "{count} release", "other": "{count}
  // releases"}), "other" standing in for any category left out. The same
  // choice as the server's (pipeline/render/locale/plural.ts).
  const counter = (json) => {
    const { locale, forms } = JSON.parse(json);
    const rules = new Intl.PluralRules(locale);
    const numbers = new Intl.NumberFormat(locale);
    return (values) => {
      const form = forms[rules.select(values.count)] ?? forms.other;
      return form.replace(/\{(\w+)\}/gu, (whole, name) => (Object.hasOwn(values, name) ? numbers.format(values[name]) : whole));
    };
  };
  const all = counter(count.dataset.all);
  const some = counter(count.dataset.some);
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
    // "{count} releases" when all are shown, else "{shown} of {count} releases"; the count picks the form.
    count.textContent = (shown === entries.length ? all : some)({ count: entries.length, shown });
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
