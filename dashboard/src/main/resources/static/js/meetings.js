// Draws the meetings page's tables as charts: the heat map of the organisations below × months, and the grades.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var heat = document.getElementById('heatmap-chart');
  var table = document.getElementById('heatmap-table');
  if (heat && table) {
    var months = Array.prototype.map.call(table.querySelectorAll('thead th.number'), function (th) {
      return th.textContent;
    }).slice(0, -1);
    var rows = table.querySelectorAll('tbody tr');
    var names = [];
    var data = [];
    var most = 0;
    rows.forEach(function (row, y) {
      names.push(row.cells[0].textContent.trim());
      row.querySelectorAll('td[data-month]').forEach(function (cell, x) {
        var value = Number(cell.getAttribute('data-value'));
        most = Math.max(most, value);
        data.push([x, y, value]);
      });
    });
    var drawn = echarts.init(heat, null, { renderer: 'canvas' });
    drawn.setOption({
      animation: false,
      tooltip: { position: 'top' },
      grid: { left: 150, right: 20, top: 10, bottom: 70, containLabel: false },
      xAxis: { type: 'category', data: months, splitArea: { show: true } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
      visualMap: { min: 0, max: Math.max(1, most), calculable: false, orient: 'horizontal', left: 'center',
        bottom: 0, inRange: { color: ['#fff4f4', '#8b0000'] } },
      series: [{ type: 'heatmap', data: data, label: { show: true } }]
    });
    heat.setAttribute('data-drawn', String(data.length));
    window.addEventListener('resize', function () { drawn.resize(); });
  }
  var grades = document.getElementById('grades-chart');
  var gradeTable = document.getElementById('grades');
  if (grades && gradeTable) {
    var labels = [];
    var values = [];
    gradeTable.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.cells[0].textContent);
      values.push(Number(row.getAttribute('data-value')));
    });
    var bars = echarts.init(grades, null, { renderer: 'canvas' });
    bars.setOption({
      animation: false,
      grid: { left: 40, right: 10, top: 10, bottom: 30 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#8b0000' } }]
    });
    grades.setAttribute('data-drawn', String(values.length));
    window.addEventListener('resize', function () { bars.resize(); });
  }
})();
