// The audit trail's date filter with JavaScript: a month picker that opens that month's page (the pages work without it).
export function monthJump(form: HTMLFormElement): void {
  const months = new Set((form.dataset.months ?? '').split(','));
  const input = form.querySelector('input')!;
  const status = form.querySelector('[role="status"]')!;
  form.hidden = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const month = input.value;
    if (!months.has(month)) {
      status.textContent = month ? `No changes were committed in ${month}.` : 'Pick a month.';
      return;
    }
    location.href = `${form.dataset.base}${month.replace('-', '/')}/`;
  });
}
