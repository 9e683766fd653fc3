/** One node of `EXPLAIN (FORMAT JSON)` output, as far as the plan tests read it. */
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

/** An EXPLAIN (FORMAT JSON) result row. */
export type ExplainRow = { 'QUERY PLAN': [{ Plan: PlanNode }] };

/** The tables a plan reads whole (Seq Scan), in plan order. */
export function seqScans(explained: ExplainRow): string[] {
  const walk = (node: PlanNode): string[] => [
    ...(node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : []),
    ...(node.Plans ?? []).flatMap(walk),
  ];
  return walk(explained['QUERY PLAN'][0].Plan);
}
