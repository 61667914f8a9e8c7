import { useI18n } from '../i18n/i18n.js';
import { knowledge } from '../lib/knowledge.js';

/** The taxonomy's categories as <option>s, after a first "any/unknown" option with the given label. */
export function CategoryOptions({ first }: { first: string }) {
  const { l } = useI18n();
  return (
    <>
      <option value="">{first}</option>
      {knowledge.categories.map((c) => (
        <option key={c.id} value={c.id}>
          {l(c.name)}
        </option>
      ))}
    </>
  );
}
