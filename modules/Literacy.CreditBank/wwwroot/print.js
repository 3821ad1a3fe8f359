// The "Print" buttons on certificates and transcripts: shown only when JavaScript runs, since the browser's own print works without it.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
