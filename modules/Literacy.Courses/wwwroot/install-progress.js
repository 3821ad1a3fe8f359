// Keeps the install page current without reloading it by hand; without JavaScript the "Refresh" link does the same.
const status = document.querySelector('[data-install-status]');
if (status) {
  const poll = async () => {
    const response = await fetch(status.dataset.installStatus, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const s = await response.json();
    if (s.finished) { location.reload(); return; }
    status.textContent = s.total > 0 ? `${s.stage} (${s.done} / ${s.total})` : s.stage;
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 500);
}
