// Draws the sentiment trend from its data-chart attribute (JSON made by the server): the weekly share negative as a
// line over its 95 % interval, shaded as an invisible base at the lower bound with the interval's width stacked on it.
document.addEventListener('DOMContentLoaded', () => {
  if (!window.echarts) {
    return;
  }
  const charts = [];
  document.querySelectorAll('[data-chart]').forEach(element => {
    const data = JSON.parse(element.dataset.chart);
    const width = data.lower.map((low, i) => (low === null || data.upper[i] === null) ? null : Math.round((data.upper[i] - low) * 10) / 10);
    const chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { top: 30, left: 50, right: 10, bottom: 40 },
      legend: { data: [data.valueLabel, data.intervalLabel], top: 0 },
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: 'base', type: 'line', stack: 'interval', data: data.lower, showSymbol: false, lineStyle: { opacity: 0 },
          tooltip: { show: false }, silent: true },
        { name: data.intervalLabel, type: 'line', stack: 'interval', data: width, showSymbol: false, color: 'rgba(192, 57, 43, 0.2)',
          lineStyle: { opacity: 0 }, areaStyle: { color: '#c0392b', opacity: 0.2 }, silent: true, tooltip: { show: false } },
        { name: data.valueLabel, type: 'line', data: data.values, color: '#c0392b', connectNulls: false }
      ]
    });
    element.dataset.drawn = 'true';
    charts.push(chart);
  });
  window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));
});
