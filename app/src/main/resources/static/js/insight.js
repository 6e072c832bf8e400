// Weekly trend charts of the journey map: each .trend element names its touchpoint and period; the
// scores come from the REST API, so the chart shows exactly what /api/v1/scores returns.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('.trend[data-touchpoint]').forEach(element => {
    const query = new URLSearchParams({
      touchpoint: element.dataset.touchpoint, from: element.dataset.from, to: element.dataset.to, groupBy: 'week'
    });
    fetch('/api/v1/scores?' + query, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(response => response.ok ? response.json() : [])
      .then(points => draw(element, points));
  });

  function draw(element, points) {
    const questions = [...new Set(points.map(p => p.question))];
    const weeks = [...new Set(points.map(p => p.period))].sort();
    const series = [];
    questions.forEach(question => {
      const byWeek = new Map(points.filter(p => p.question === question).map(p => [p.period, p]));
      series.push({
        name: question, type: 'line', connectNulls: false, symbolSize: 4,
        data: weeks.map(w => byWeek.has(w) && byWeek.get(w).score !== null ? byWeek.get(w).score : null),
        tooltip: {valueFormatter: v => v === null ? '–' : v}
      });
      series.push({
        // The band: an invisible line at the lower bound with the interval's width stacked on top of it.
        name: question + ' 95%', type: 'line', lineStyle: {opacity: 0}, symbol: 'none', stack: question,
        data: weeks.map(w => byWeek.has(w) && byWeek.get(w).lower !== null ? byWeek.get(w).lower : null)
      });
      series.push({
        name: question + ' 95% ', type: 'line', lineStyle: {opacity: 0}, symbol: 'none',
        areaStyle: {opacity: 0.15}, stack: question,
        data: weeks.map(w => byWeek.has(w) && byWeek.get(w).upper !== null ? byWeek.get(w).upper - byWeek.get(w).lower : null)
      });
    });
    const chart = echarts.init(element);
    chart.setOption({
      animation: false,
      grid: {left: 32, right: 8, top: 8, bottom: 20},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: weeks, axisLabel: {fontSize: 9}},
      yAxis: {type: 'value', scale: true, axisLabel: {fontSize: 9}},
      series: series
    });
    window.addEventListener('resize', () => chart.resize());
  }
});
