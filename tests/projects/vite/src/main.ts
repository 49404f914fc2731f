// What a web developer writes: init, analyze on the main thread, and the
// same through the worker API. The result goes on `window.zhlensResult`.
import init, { Analyzer, type Analysis, type FigureEntity } from 'zhlens';
import { AnalyzerWorker } from 'zhlens/worker';

const TEXT = '新区打造产业高地\n\n□本报记者 李明\n\n近日，😀记者从北京经济技术开发区获悉，全年产值达428亿元，增长12%。';

function figures(analysis: Analysis): FigureEntity[] {
  return analysis.entities.filter((e): e is FigureEntity => e.kind === 'figure');
}

async function main() {
  let beforeInit = '';
  try {
    new Analyzer();
  } catch (e) {
    beforeInit = (e as Error).message;
  }
  await init();
  const analyzer = new Analyzer({ organizations: [{ name: '北京经济技术开发区', aliases: ['经开区'] }] });
  const analysis = analyzer.analyze(TEXT);
  const worker = new AnalyzerWorker({ kinds: ['figure'] });
  const fromWorker = await worker.analyze(TEXT);
  worker.terminate();
  const result = {
    beforeInit,
    authors: analysis.articles.map((a) => a.authors),
    orgs: analysis.organizations.map((o) => o.name),
    values: figures(analysis).map((f) => [TEXT.slice(f.start, f.end), f.value, f.unit]),
    workerKinds: [...new Set(fromWorker.entities.map((e) => e.kind))],
    workerValues: figures(fromWorker).map((f) => f.value),
  };
  (window as unknown as { zhlensResult: unknown }).zhlensResult = result;
  document.getElementById('out')!.textContent = JSON.stringify(result, null, 2);
}

main().catch((e: Error) => {
  (window as unknown as { zhlensResult: unknown }).zhlensResult = { error: e.message };
});
