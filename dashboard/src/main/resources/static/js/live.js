// Keeps the members of an organisation's page current: its figures arrive as server-sent events from the dashboard
// (which reads them from reporting-service with the reader's token) and replace the numbers shown, without a reload.
(function () {
  var status = document.getElementById('live-status');
  if (!status || typeof EventSource === 'undefined') {
    return;
  }
  var vietnamese = document.documentElement.lang !== 'en';
  var numbers = new Intl.NumberFormat(vietnamese ? 'vi-VN' : 'en-GB');
  var fields = ['total', 'official', 'probationary', 'exempted', 'women', 'ethnicMinority'];
  var source = new EventSource(status.getAttribute('data-source'));
  source.addEventListener('open', function () {
    status.setAttribute('data-live', 'connected');
  });
  source.addEventListener('figures', function (message) {
    var summary = JSON.parse(message.data);
    fields.forEach(function (field) {
      var shown = document.getElementById('members-' + field);
      if (shown && summary.members && typeof summary.members[field] === 'number') {
        shown.textContent = numbers.format(summary.members[field]);
      }
    });
    var cells = document.getElementById('cells');
    if (cells && typeof summary.cells === 'number') {
      cells.textContent = numbers.format(summary.cells);
    }
    var now = new Date();
    var time = now.toLocaleTimeString(vietnamese ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit',
      second: '2-digit' });
    status.textContent = status.getAttribute('data-updated').replace('{0}', time);
    status.setAttribute('data-live', 'connected');
    status.setAttribute('data-version', message.lastEventId || '');
  });
  source.addEventListener('refused', function () {
    status.setAttribute('data-live', 'refused');
    source.close();
  });
})();
