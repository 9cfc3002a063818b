/** How the register's SQL compares names (REJECT_OTHER_PERSON, identity-change.sql.ts, new-registration-warnings.sql.ts). */

/**
 * A name as compared by REJECT_OTHER_PERSON: lower case, every run of spaces and punctuation (ASCII, the curly
 * apostrophes, a no-break space) as one space, trimmed: `M. Rahmat  RANGKUTI` → `m rahmat rangkuti`.
 */
export const NAME_WORDS = (name: string) => `trim(regexp_replace(lower(${name}), '[[:space:][:punct:]\u2018\u2019\u00a0]+', ' ', 'g'))`;

/**
 * Two names (NAME_WORDS, `a` and `b`) of one person: equal, equal without the spaces (`Nur Aini`, `Nuraini`), or
 * one is the other with words added around it, whole words (`Rahmat Rangkuti`, `Muhammad Rahmat Rangkuti`; but
 * `Ani` is not in `Daniel`). Any other change, a letter fixed included (`Rachmat`), is another name.
 */
export const SAME_NAME = (a: string, b: string) => `(${a} = ${b} OR replace(${a}, ' ', '') = replace(${b}, ' ', '')
      OR position(' ' || ${a} || ' ' IN ' ' || ${b} || ' ') > 0 OR position(' ' || ${b} || ' ' IN ' ' || ${a} || ' ') > 0)`;

/** A name as compared for one person registered twice: NAME_WORDS without its spaces (`Nur Aini` = `NURAINI`). */
export const NAME_KEY = (name: string) => `replace(${NAME_WORDS(name)}, ' ', '')`;
