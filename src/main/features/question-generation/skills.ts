// Rule-based skill extraction from a pasted job description: the skills Rehearse already knows
// (the bank's skill tags and role tags) that the text names, most mentioned first. No model.

export function extractSkills(text: string, knownSkills: readonly string[], max = 8): string[] {
  // Dots stay inside names ("node.js") but not at the end of a sentence.
  const haystack = ` ${text
    .toLowerCase()
    .replace(/\.(?=\s|$)/g, ' ')
    .replace(/[^a-z0-9+#.]+/g, ' ')} `;
  const counts: { skill: string; n: number }[] = [];
  for (const skill of new Set(knownSkills.map((s) => s.toLowerCase().trim()))) {
    if (skill.length < 2) continue;
    const needle = ` ${skill.replace(/[^a-z0-9+#.]+/g, ' ').trim()} `;
    let n = 0;
    for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
    if (n > 0) counts.push({ skill, n });
  }
  return counts
    .sort((a, b) => b.n - a.n || b.skill.length - a.skill.length || a.skill.localeCompare(b.skill))
    .slice(0, max)
    .map((c) => c.skill);
}
