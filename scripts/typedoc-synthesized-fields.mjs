// TypeDoc plugin: a property TypeScript synthesised from a mapped type (the fields of
// `Infer<typeof someSchema>`: entity data, schema-derived options) has no declaration a comment
// could be written on, so "notDocumented" cannot be satisfied for it. Exempt exactly those; every
// property written in source still needs its comment. Once the schema's inferred types keep
// their declarations, these fields get sources and become required again.
import { Converter, ReflectionKind } from 'typedoc';

// TypeDoc never asks for comments under a parameter; listing those would be "unused" (a warning).
const inParameter = (r) => {
  for (let p = r.parent; p; p = p.parent) if (p.kindOf(ReflectionKind.Parameter)) return true;
  return false;
};

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const exempt = context.project
      .getReflectionsByKind(ReflectionKind.Property)
      .filter((r) => !r.sources?.length && !r.hasComment() && !inParameter(r))
      .map((r) => r.getFriendlyFullName());
    const listed = app.options.getValue('intentionallyNotDocumented');
    // Once each: TypeDoc marks a name used by its first index only, so a repeated name (the same
    // field in two branches of a union) would be reported as unused.
    app.options.setValue('intentionallyNotDocumented', [...new Set([...listed, ...exempt])]);
  });
}
