// Draws the demand charts from their data-chart attribute (JSON made by the server); no inline scripts.
document.addEventListener('DOMContentLoaded', () => {
  if (!window.echarts) {
    return;
  }
  const charts = [];
  document.querySelectorAll('[data-chart]').forEach(element => {
    const data = JSON.parse(element.dataset.chart);
    const chart = echarts.init(element);
    chart.setOption(data.type === 'heatmap' ? heatMap(data) : series(data));
    element.dataset.drawn = 'true';
    charts.push(chart);
  });
  window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));
});

function heatMap(data) {
  return {
    tooltip: { position: 'top' },
    grid: { top: 10, left: 50, right: 10, bottom: 70 },
    xAxis: { type: 'category', data: data.weekdays, splitArea: { show: true } },
    yAxis: { type: 'category', data: data.hours, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: data.max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      inRange: { color: ['#f4f8fb', '#7fb3d5', '#1b4f72'] } },
    series: [{ name: data.valueLabel, type: 'heatmap', data: data.cells, label: { show: false } }]
  };
}

function series(data) {
  const type = data.type === 'step' ? 'line' : data.type;
  return {
    tooltip: { trigger: 'axis' },
    grid: { top: 20, left: 50, right: 10, bottom: 60 },
    xAxis: { type: 'category', data: data.labels },
    yAxis: { type: 'value', name: data.valueLabel },
    dataZoom: data.labels.length > 60 ? [{ type: 'slider', bottom: 5 }] : [],
    series: [{ name: data.valueLabel, type: type, step: data.type === 'step' ? 'end' : undefined,
      showSymbol: false, data: data.values, color: '#1b6ca8' }]
  };
}
