// Draws the evaluation page's charts with Chart.js from the API's answers in the page (its
// <script type="application/json"> islands, exactly as the API gave them). Each canvas names the
// figures it draws (JSON paths), which answers they come from and the table beside it, whose row
// headings are the chart's labels: the table says every figure the chart shows, for anyone who
// cannot see the chart or runs no script.
(() => {
  if (typeof Chart === 'undefined') {
    return;
  }
  const answers = {};
  document.querySelectorAll('script[type="application/json"][data-api]').forEach((island) => {
    answers[island.id] = JSON.parse(island.textContent);
  });
  const at = (answer, path) => path.split('.').reduce((node, key) => (node == null ? null : node[key]), answer);
  // The design system's blue and dark pink for the two periods (or bars and line), told apart by the legend too.
  const colours = ['#005eb8', '#7c2855'];
  Chart.defaults.font.family = 'Frutiger W01, Arial, sans-serif';
  Chart.defaults.color = '#212b32';
  Chart.defaults.font.size = 14;
  Chart.defaults.animation = false;

  document.querySelectorAll('canvas[data-figures]').forEach((canvas) => {
    const figures = JSON.parse(canvas.dataset.figures);
    const series = JSON.parse(canvas.dataset.series);
    const islands = canvas.dataset.islands.split(' ');
    const labels = Array.from(document.querySelectorAll(
      `table[data-testid="${canvas.dataset.table}"] tbody th[scope="row"]`)).map((th) => th.textContent.trim());
    const horizontal = canvas.dataset.horizontal === 'true';
    const datasets = [];
    let scales;
    if (canvas.dataset.line) {
      // The referral rate by month: people seen as bars, the rate as a line on a percentage axis of its own.
      const answer = answers[islands[0]];
      datasets.push({ type: 'bar', label: series[0], data: figures.map((f) => at(answer, f)),
        backgroundColor: colours[0], yAxisID: 'people', order: 2 });
      datasets.push({ type: 'line', label: series[1], data: JSON.parse(canvas.dataset.line).map((f) => at(answer, f)),
        borderColor: colours[1], backgroundColor: colours[1], yAxisID: 'percent', order: 1, spanGaps: false });
      scales = {
        people: { position: 'left', beginAtZero: true, title: { display: true, text: canvas.dataset.axis },
          ticks: { precision: 0 } },
        percent: { position: 'right', min: 0, max: 100, title: { display: true, text: series[1] },
          grid: { drawOnChartArea: false } },
      };
    } else {
      islands.forEach((id, index) => {
        datasets.push({ label: series[index], data: figures.map((f) => at(answers[id], f)),
          backgroundColor: colours[index % colours.length] });
      });
      // Counts have whole-number ticks; a mean change may have any.
      const counts = datasets.every((d) => d.data.every((v) => v == null || Number.isInteger(v)));
      const values = { title: { display: true, text: canvas.dataset.axis }, ticks: counts ? { precision: 0 } : {} };
      scales = horizontal ? { x: values } : { y: values };
    }
    // eslint-disable-next-line no-new
    new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: horizontal ? 1.2 : 1.6,
        scales,
        plugins: { legend: { display: datasets.length > 1 } },
      },
    });
  });
})();
