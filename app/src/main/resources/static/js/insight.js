// Weekly trend charts of the journey map: each .trend element names its touchpoint and period; the
// scores come from the REST API, so the chart shows exactly what /api/v1/scores returns. A week of fewer
// answers than the small-cell minimum comes back hidden, with no score or bounds, and leaves a gap.
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
    const palette = ['#1f6f5c', '#0a66c2', '#b35c00', '#6b4fa0'];
    questions.forEach((question, index) => {
      const color = palette[index % palette.length];
      const byWeek = new Map(points.filter(p => p.question === question).map(p => [p.period, p]));
      series.push({
        name: question, type: 'line', connectNulls: false, symbolSize: 4, color: color,
        data: weeks.map(w => byWeek.has(w) && byWeek.get(w).score !== null ? byWeek.get(w).score : null),
        tooltip: {valueFormatter: v => v === null ? '–' : v}
      });
      // The 95 % interval as two thin dashed lines (no stacked band: ECharts 5.3 stacks negative values
      // apart from positive ones, which would draw an NPS band that crosses zero wrongly).
      ['lower', 'upper'].forEach(bound => series.push({
        name: question + ' 95%', type: 'line', symbol: 'diamond', symbolSize: 3, connectNulls: false, color: color,
        lineStyle: {width: 1, type: 'dashed', opacity: 0.6},
        data: weeks.map(w => byWeek.has(w) && byWeek.get(w)[bound] !== null ? byWeek.get(w)[bound] : null)
      }));
    });
    // The axis never leaves the scales' own ranges (an NPS interval near +100 drew an axis up to 120).
    const ranges = {NPS: [-100, 100], CSAT: [0, 100], CES: [1, 7], RATING_5: [1, 5], RATING_10: [1, 10]};
    const scales = [...new Set(points.map(p => p.scale))].filter(s => ranges[s]);
    const lowest = scales.length ? Math.min(...scales.map(s => ranges[s][0])) : -Infinity;
    const highest = scales.length ? Math.max(...scales.map(s => ranges[s][1])) : Infinity;
    const chart = echarts.init(element);
    chart.setOption({
      animation: false,
      grid: {left: 32, right: 8, top: 8, bottom: 20},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: weeks, axisLabel: {fontSize: 9}},
      yAxis: {type: 'value', scale: true, axisLabel: {fontSize: 9},
        min: value => Math.max(lowest, Math.floor(value.min)), max: value => Math.min(highest, Math.ceil(value.max))},
      series: series
    });
    window.addEventListener('resize', () => chart.resize());
  }
});
