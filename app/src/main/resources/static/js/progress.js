// Polls the run's status and updates the progress page; reloads into the result page when the run ends.
// Survives a page reload: everything shown comes from the server.
(function () {
  var main = document.getElementById('progress');
  if (!main) { return; }
  var id = main.getAttribute('data-run');
  function set(elId, text) { var e = document.getElementById(elId); if (e) { e.textContent = text; } }
  function poll() {
    fetch('/api/runs/' + encodeURIComponent(id), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        set('state', s.stateLabel);
        set('sites', s.sitesDone + ' / ' + s.sitesTotal);
        set('pages', String(s.pages));
        set('failures', String(s.failures));
        set('current', (s.currentSites || []).join('；'));
        if (s.state === 'DONE' || s.state === 'FAILED' || s.state === 'INTERRUPTED') {
          window.location.reload();
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  var initial = main.getAttribute('data-state');
  if (initial === 'QUEUED' || initial === 'RUNNING') {
    setTimeout(poll, 1000);
  }
})();
