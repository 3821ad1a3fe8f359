// Read aloud (朗读): reads a lesson or a quiz question with the browser's own speech synthesis, in the page's language,
// highlighting the sentence being read. Buttons are in the HTML but hidden; without JavaScript they stay hidden.
(() => {
  if (window.literacyReadAloud) return; // the script is included once per button bar; it wires every bar the first time
  window.literacyReadAloud = true;
  const synth = window.speechSynthesis;
  const lang = document.documentElement.lang || "zh-CN";
  let current = null; // { button, sentences, index, paused }

  const voiceFor = () => (synth ? synth.getVoices() : []).find((v) => v.lang.replace("_", "-").toLowerCase().startsWith(lang.slice(0, 2).toLowerCase()));

  // Wraps each sentence of the target's text in a span, once, so that it can be highlighted while it is read.
  // Only text nodes are touched: inputs, links and images stay exactly where they were. A picture is read too, from its
  // description (alt), in its place: someone who sees poorly hears what it shows.
  const sentencesOf = (target) => {
    if (!target.dataset.readySentences) {
      const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
        acceptNode: (node) => {
          if (node.nodeType === Node.ELEMENT_NODE) return node.tagName === "IMG" && node.alt.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
          return node.textContent.trim() && !node.parentElement.closest(".read-aloud-bar, script, style, select")
            ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
        },
      });
      const texts = [];
      while (walker.nextNode()) {
        if (walker.currentNode.nodeType === Node.ELEMENT_NODE) walker.currentNode.classList.add("sentence");
        else texts.push(walker.currentNode);
      }
      texts.forEach((node) => {
        const parts = node.textContent.match(/[^。！？!?.;；]+[。！？!?.;；]*/g) || [node.textContent];
        const spans = parts.map((part) => {
          const span = document.createElement("span");
          span.className = "sentence";
          span.textContent = part;
          return span;
        });
        node.replaceWith(...spans);
      });
      target.dataset.readySentences = "1";
    }
    return [...target.querySelectorAll(".sentence")].filter((s) => said(s).trim());
  };

  const picture = document.querySelector(".read-aloud")?.dataset.picture || "";
  const said = (sentence) => (sentence.tagName === "IMG" ? `${picture} ${sentence.alt}` : sentence.textContent);

  const label = (button, name) => { button.textContent = button.dataset[name]; };

  const stop = () => {
    if (!current) return;
    synth.cancel();
    current.sentences.forEach((s) => s.classList.remove("reading"));
    label(current.button, "labelRead");
    current.button.setAttribute("aria-pressed", "false");
    current.bar.querySelector(".read-aloud-stop").hidden = true;
    current = null;
  };

  const speakFrom = (state) => {
    if (state !== current || state.index >= state.sentences.length) { if (state === current) stop(); return; }
    const sentence = state.sentences[state.index];
    state.sentences.forEach((s) => s.classList.toggle("reading", s === sentence));
    sentence.scrollIntoView({ block: "nearest" });
    const utterance = new SpeechSynthesisUtterance(said(sentence));
    utterance.lang = lang;
    utterance.voice = voiceFor() || null;
    utterance.onend = () => { state.index++; speakFrom(state); };
    synth.speak(utterance);
  };

  document.querySelectorAll(".read-aloud-bar").forEach((bar) => {
    const button = bar.querySelector(".read-aloud");
    const stopButton = bar.querySelector(".read-aloud-stop");
    const status = bar.querySelector(".read-aloud-status");
    bar.hidden = false;
    button.addEventListener("click", () => {
      if (!synth || !voiceFor()) { status.textContent = button.dataset.noVoice; return; }
      if (current && current.button === button) {
        if (current.paused) { synth.resume(); current.paused = false; label(button, "labelPause"); }
        else { synth.pause(); current.paused = true; label(button, "labelResume"); }
        return;
      }
      stop();
      current = { button, bar, sentences: sentencesOf(document.querySelector(button.dataset.target)), index: 0, paused: false };
      button.setAttribute("aria-pressed", "true");
      label(button, "labelPause");
      stopButton.hidden = false;
      speakFrom(current);
    });
    stopButton.addEventListener("click", stop);
  });
  // Voices load late in some browsers; nothing to do until a button is pressed.
  if (synth) synth.getVoices();
})();
