/** One node of `EXPLAIN (FORMAT JSON)` output, as far as the plan tests read it. */
export type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

/** An EXPLAIN (FORMAT JSON) result row. */
export type ExplainRow = { 'QUERY PLAN': [{ Plan: PlanNode }] };

/** The tables a plan reads whole (Seq Scan), in plan order. */
export function seqScans(node: PlanNode): string[] {
  const here = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...here, ...(node.Plans ?? []).flatMap(seqScans)];
}
