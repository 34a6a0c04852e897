// Draws the series table of the page as a chart: a line for a stock (members at each month's end), bars for a flow.
(function () {
  var chart = document.getElementById('series-chart');
  var table = document.getElementById('series-table');
  if (!chart || !table || typeof echarts === 'undefined') {
    return;
  }
  var rows = table.querySelectorAll('tbody tr');
  var months = [];
  var values = [];
  rows.forEach(function (row) {
    months.push(row.cells[0].textContent);
    values.push(Number(row.getAttribute('data-value')));
  });
  var flow = chart.getAttribute('data-kind') === 'flow';
  var drawn = echarts.init(chart, null, { renderer: 'canvas' });
  drawn.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1, scale: !flow },
    series: [{ type: flow ? 'bar' : 'line', data: values, name: table.caption.textContent }]
  });
  chart.setAttribute('data-drawn', String(values.length));
  window.addEventListener('resize', function () { drawn.resize(); });
})();
