// Follows the facilitator live: the server sends the page's state as
// server-sent events, and this script shows it. Everything arrives as text
// and is set as text (textContent), never as HTML. Without this script the
// page works by reloading it.
"use strict";
(function () {
  var src = document.body.getAttribute("data-events");
  if (!src || !window.EventSource) { return; }
  function $(id) { return document.getElementById(id); }
  function show(el, on) { if (el) { el.hidden = !on; } }
  function text(el, s) { if (el) { el.textContent = s || ""; } }
  function clear(el) { while (el && el.firstChild) { el.removeChild(el.firstChild); } }
  var lastRef = $("ref") ? $("ref").value : null;
  var shownRef = null;

  function stop(s) {
    show($("niets"), !s.open);
    show($("vraag"), s.open);
    text($("vraag-nummer"), s.number);
    text($("vraag-titel"), s.title);
    text($("vraag-tekst"), s.text);
    show($("vraag-tekst"), !!s.text);
    text($("vraag-uitleg"), s.explanation);
    show($("uitleg-blok"), !!s.explanation);
    var dl = $("begrippen");
    clear(dl);
    (s.terms || []).forEach(function (t) {
      var dt = document.createElement("dt");
      dt.textContent = t.name;
      var dd = document.createElement("dd");
      dd.className = "tekst";
      dd.textContent = t.meaning;
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    show($("begrippen-blok"), (s.terms || []).length > 0);
    if (shownRef !== null && shownRef !== s.ref) {
      text($("aankondiging"), s.open ? "Nieuwe vraag: " + s.number + " " + s.title
        : "De gespreksleider heeft nu geen vraag open.");
    }
    shownRef = s.ref;
    // The text being written stays with the question it was begun at;
    // an empty form follows the facilitator.
    var ta = $("tekst");
    if (ta && ta.value.trim() === "" && lastRef !== s.ref) {
      lastRef = s.ref;
      $("ref").value = s.ref;
      text($("schrijf-bij"), s.number + " " + s.title);
      show($("schrijven"), s.open);
    }
  }

  function round(line) {
    text($("ronde"), line);
    show($("ronde"), !!line);
  }

  function mine(list) {
    (list || []).forEach(function (m) {
      var li = $("b-" + m.id);
      if (!li) { return; }
      text(li.querySelector(".staat"), m.state);
      // Hidden, not removed: a contribution the facilitator frees again
      // (an edit given up, or set aside and restored) can be changed again.
      var b = li.querySelector(".bewerk");
      if (b) { show(b, !!m.editable); }
    });
  }

  function revealed(on, list) {
    var ul = $("onthuld-lijst");
    clear(ul);
    (list || []).forEach(function (c) {
      var li = document.createElement("li");
      var p = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = c.org;
      p.appendChild(strong);
      var t = document.createElement("p");
      t.className = "tekst";
      t.textContent = c.text;
      li.appendChild(p);
      li.appendChild(t);
      ul.appendChild(li);
    });
    show($("onthuld"), on);
  }

  var es = new EventSource(src);
  es.addEventListener("state", function (ev) {
    var d;
    try { d = JSON.parse(ev.data); } catch (e) { return; }
    stop(d.stop);
    round(d.round);
    mine(d.mine);
    revealed(d.revealed, d.contributions);
    document.body.setAttribute("data-ref", d.stop.ref);
  });
}());
