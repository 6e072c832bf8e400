// Draws the demand charts from their data-chart attribute (JSON made by the server); no inline scripts.
document.addEventListener('DOMContentLoaded', () => {
  if (!window.echarts) {
    return;
  }
  const charts = [];
  document.querySelectorAll('[data-chart]').forEach(element => {
    const data = JSON.parse(element.dataset.chart);
    const chart = echarts.init(element);
    chart.setOption(data.type === 'heatmap' ? heatMap(data) : data.type === 'band' ? band(data) : series(data));
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
    grid: { top: data.risk ? 30 : 20, left: 50, right: 10, bottom: 60 },
    xAxis: { type: 'category', data: data.labels },
    yAxis: { type: 'value', name: data.valueLabel },
    dataZoom: data.labels.length > 60 ? [{ type: 'slider', bottom: 5 }] : [],
    legend: data.risk ? { data: [data.valueLabel, data.riskLabel], top: 0 } : undefined,
    series: [{ name: data.valueLabel, type: type, step: data.type === 'step' ? 'end' : undefined,
      showSymbol: false, data: data.values, color: '#1b6ca8' }].concat(data.risk ? [{ name: data.riskLabel, type: type,
      step: data.type === 'step' ? 'end' : undefined, showSymbol: false, data: data.risk, color: '#c0392b',
      lineStyle: { type: 'dashed', width: 1 } }] : [])
  };
}

// The forecast line over its 95 % and 80 % prediction bands: each band is an invisible base at the lower
// bound with the band's width stacked on top of it, the usual way to shade a range in ECharts.
function band(data) {
  const width = (low, high) => low.map((l, i) => (l === null || high[i] === null) ? null : Math.round((high[i] - l) * 10) / 10);
  const base = (name, stack, values) => ({ name: name, type: 'line', stack: stack, data: values, showSymbol: false,
    lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true });
  // The colour is set on the series too, so that the legend shows each band in its own shade.
  const shade = (name, stack, values, opacity) => ({ name: name, type: 'line', stack: stack, data: values, showSymbol: false,
    color: 'rgba(27, 108, 168, ' + opacity + ')', lineStyle: { opacity: 0 }, areaStyle: { color: '#1b6ca8', opacity: opacity },
    silent: true });
  return {
    tooltip: {
      trigger: 'axis',
      formatter: params => {
        const i = params[0].dataIndex;
        const range = (low, high) => low[i] === null ? '–' : low[i] + ' – ' + high[i];
        return data.labels[i] + '<br>' + data.valueLabel + ': ' + data.values[i]
          + '<br>' + data.bandLabels[1] + ': ' + range(data.low80, data.high80)
          + '<br>' + data.bandLabels[0] + ': ' + range(data.low95, data.high95);
      }
    },
    legend: { data: [data.valueLabel, data.bandLabels[0], data.bandLabels[1]], top: 0 },
    grid: { top: 30, left: 50, right: 10, bottom: 60 },
    xAxis: { type: 'category', data: data.labels },
    yAxis: { type: 'value', name: data.valueLabel },
    dataZoom: data.labels.length > 60 ? [{ type: 'slider', bottom: 5 }] : [],
    series: [
      base('base95', 'band95', data.low95),
      shade(data.bandLabels[0], 'band95', width(data.low95, data.high95), 0.15),
      base('base80', 'band80', data.low80),
      shade(data.bandLabels[1], 'band80', width(data.low80, data.high80), 0.25),
      { name: data.valueLabel, type: 'line', showSymbol: false, data: data.values, color: '#1b6ca8' }
    ]
  };
}
