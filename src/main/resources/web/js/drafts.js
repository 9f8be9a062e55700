// Answers typed but not yet submitted, kept in this browser per student and exercise, so a reload
// or a closed tab loses nothing. Storage may be full or switched off: then drafts are simply not kept.
const PREFIX = 'refgrade.draft:';

export function draftStore(key) {
  const k = PREFIX + key;
  return {
    load() {
      try {
        return JSON.parse(localStorage.getItem(k) ?? 'null');
      } catch {
        return null;
      }
    },
    save(answers) {
      try {
        if (Object.keys(answers).length) localStorage.setItem(k, JSON.stringify(answers));
        else localStorage.removeItem(k);
      } catch {
        // Not kept: the page still works, the answers are still in the form.
      }
    },
  };
}
