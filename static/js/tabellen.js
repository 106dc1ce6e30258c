// Wide tables on narrow screens: every table of the main content scrolls inside its own box
// instead of widening the page (no horizontal scrolling of the whole page at 375 px). A box
// that really scrolls becomes a keyboard-focusable, named region (WCAG 2.1.1, axe
// "scrollable-region-focusable"). One place for all tables, so templates need no wrapper.
(function () {
  'use strict';

  function einpacken(tabelle) {
    if (tabelle.parentElement.classList.contains('table-responsive')) {
      return tabelle.parentElement;
    }
    var box = document.createElement('div');
    box.className = 'table-responsive';
    tabelle.parentNode.insertBefore(box, tabelle);
    box.appendChild(tabelle);
    return box;
  }

  function bedienbar(box) {
    var rollt = box.scrollWidth > box.clientWidth + 1;
    if (rollt) {
      var titel = box.querySelector('caption');
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', titel ? titel.textContent.trim() : 'Tabelle');
    } else if (box.getAttribute('role') === 'region') {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }

  function alle() {
    document.querySelectorAll('main table').forEach(function (t) { bedienbar(einpacken(t)); });
  }

  alle();
  var warten;
  window.addEventListener('resize', function () {
    clearTimeout(warten);
    warten = setTimeout(alle, 150);
  });
})();
