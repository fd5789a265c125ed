/**
 * The size of a request as office.js puts it on the wire, for the Excel double: office.js sends
 * each batch as JSON with two parts, "Actions" (instantiate an object, query = load, call a
 * method, set a property) and "ObjectPaths" (how to reach every object an action names: a method
 * that returned it, a property, an item of a loaded collection, back to the workbook). A path is
 * sent again in every request that names the object. Counting only the arguments, as the double
 * did before, made `notes.add(ws.getRange("B7"), text)` cost the text plus ~20 bytes; here it
 * costs two paths and two actions, about 300 bytes plus the text, as office.js sends it.
 *
 * The shapes follow office.js's RichApi request JSON (ActionType 1 instantiate, 2 query,
 * 3 method, 4 set property; ObjectPathType 1 global, 3 method, 4 property, 5 indexer).
 */

export interface WireNode {
  readonly wireId: number;
  readonly wireParent?: WireNode;
  /** What the object's path is: a method that returned it, a property, or an item key. */
  readonly wirePath: { type: 'method' | 'property' | 'indexer' | 'global'; name: string; args: unknown[] };
}

export type WireAction =
  | { type: 'instantiate'; node: WireNode }
  | { type: 'query'; node: WireNode; select: string[] }
  | { type: 'method' | 'set'; node: WireNode; name: string; args: unknown[] };

const PATH_TYPES = { global: 1, method: 3, property: 4, indexer: 5 };
const ACTION_TYPES = { instantiate: 1, query: 2, method: 3, set: 4 };

/** An argument as sent: objects by their path id, everything else as JSON. */
function wireArg(a: unknown, nodes: WireNode[]): unknown {
  if (a && typeof a === 'object' && 'wireId' in a) {
    nodes.push(a as WireNode);
    return { _ObjectPathId: (a as WireNode).wireId };
  }
  return a;
}

/** The request body office.js would send for these actions. */
export function wireRequest(actions: WireAction[]): { Actions: unknown[]; ObjectPaths: Record<string, unknown> } {
  const paths: Record<string, unknown> = {};
  const addPath = (start: WireNode | undefined) => {
    for (let n = start; n && !(n.wireId in paths); n = n.wireParent) {
      const more: WireNode[] = [];
      const args = n.wirePath.args.map((a) => wireArg(a, more));
      paths[n.wireId] = {
        Id: n.wireId,
        ObjectPathType: PATH_TYPES[n.wirePath.type],
        Name: n.wirePath.name,
        ...(n.wireParent ? { ParentObjectPathId: n.wireParent.wireId } : {}),
        ...(args.length ? { ArgumentInfo: { Arguments: args } } : {}),
      };
      more.forEach(addPath);
    }
  };
  let id = 0;
  const out = actions.map((a) => {
    addPath(a.node);
    const base = { Id: ++id, ActionType: ACTION_TYPES[a.type], ObjectPathId: a.node.wireId };
    if (a.type === 'instantiate') return { ...base, Name: '' };
    if (a.type === 'query') return { ...base, Name: '', QueryInfo: { Select: a.select, Expand: [] } };
    const more: WireNode[] = [];
    const args = a.args.map((x) => wireArg(x, more));
    more.forEach(addPath);
    return { ...base, Name: a.name, ArgumentInfo: { Arguments: args } };
  });
  return { Actions: out, ObjectPaths: paths };
}
