import { loadConfig } from "../config";
import { openDatabase } from "../db/open";
import { auditChainOf, type ChainHead } from "../audit/auditChain";
import { describeProblem, verifyAuditChain } from "../audit/verifyAuditChain";

/**
 * `npm run audit:verify [-- --head <seq>:<hash> …]`: walks the keyed hash chain of the configured database against
 * the checkpoint file and the heads given (e.g. the one printed on a report), and reports every problem. Exit code
 * 0 when intact, 2 when not.
 */
async function main() {
  const heads = parseHeads(process.argv.slice(2));
  const config = loadConfig();
  const chain = auditChainOf(config);
  const { database, release } = await openDatabase(config);
  try {
    await database.migrate();
    const result = await verifyAuditChain(database.db, chain, { heads });
    const against = chain.checkpointFile
      ? `${result.checkpoints} checkpointed heads (${chain.checkpointFile})`
      : `${result.checkpoints} heads given; no checkpoint file, so a deleted tail cannot be seen`;
    if (result.malformedCheckpoints)
      console.error(`${result.malformedCheckpoints} lines of the checkpoint file are not checkpoints.`);
    if (result.ok) {
      const head = result.head ? `head #${result.head.seq} ${result.head.hash}` : "empty";
      console.log(
        `Audit log intact: ${result.rows} rows, keyed hash chain verified (${head}), against ${against}.`,
      );
    } else {
      console.error(`Audit log BROKEN (${result.rows} rows walked, against ${against}):`);
      for (const p of result.problems) console.error(`  - ${describeProblem(p)}`);
      process.exitCode = 2;
    }
  } finally {
    await database.close();
    release();
  }
}

function parseHeads(args: string[]): ChainHead[] {
  const heads: ChainHead[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = args[i] === "--head" ? /^#?(\d+)[:\s·]+([0-9a-f]{64})$/.exec(args[++i]?.trim() ?? "") : null;
    if (!m)
      throw new Error(`Usage: npm run audit:verify [-- --head <seq>:<hash> …] (got "${args[i] ?? ""}")`);
    heads.push({ seq: Number(m[1]), hash: m[2] });
  }
  return heads;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
