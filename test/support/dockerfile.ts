/**
 * Just enough of a Dockerfile reader for the specs that keep docker/ honest (Docker itself cannot run where the
 * tests run): the stages, with each one's WORKDIR, COPY lines, RUN commands and CMD.
 */

export interface DockerCopy {
  /** `--from=<stage>`, when the files come from another stage rather than the build context. */
  from?: string;
  sources: string[];
  dest: string;
}

export interface DockerStage {
  name?: string;
  workdir?: string;
  copies: DockerCopy[];
  runs: string[];
  cmd?: string;
}

/** The instructions of `text`, continuation lines joined and comments dropped. */
function instructions(text: string): string[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

function parseCopy(args: string): DockerCopy {
  if (args.startsWith('[')) throw new Error(`COPY in JSON form is not read by this helper: ${args}`);
  const words = args.split(' ');
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { ...(from ? { from } : {}), sources: paths.slice(0, -1), dest: paths[paths.length - 1] };
}

export function dockerfileStages(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const line of instructions(text)) {
    const [keyword, ...rest] = line.split(' ');
    const args = rest.join(' ');
    const op = keyword.toUpperCase();
    if (op === 'FROM') {
      const name = /\bAS (\S+)$/i.exec(args)?.[1];
      stages.push({ ...(name ? { name } : {}), copies: [], runs: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) continue; // ARG before the first FROM
    if (op === 'WORKDIR') stage.workdir = args;
    else if (op === 'COPY') stage.copies.push(parseCopy(args));
    else if (op === 'RUN') stage.runs.push(args);
    else if (op === 'CMD') stage.cmd = args;
  }
  return stages;
}
