import fs from 'node:fs';
import path from 'node:path';
import { startE2e } from './fixtures';
const env = await startE2e();
const { page, server } = env;
await page.goto(server.url);
await page.getByRole('button', { name: 'New profile' }).click();
await page.getByLabel('Name').fill('Sam Okafor');
await page.getByLabel('Target role').selectOption('graduate-general');
await page.getByLabel('Level').selectOption('entry');
await page.getByRole('button', { name: 'Save profile' }).click();
await page.getByRole('heading', { name: 'Welcome, Sam Okafor' }).waitFor();
await page.getByRole('button', { name: 'Start a new interview' }).click();
await page.getByLabel('Number of questions').fill('3');
await page.getByLabel('Follow-up questions').selectOption('0');
await page.getByRole('button', { name: 'Start interview' }).click();
const A = [
  'I studied computer science, and in my second year I built a React app for a local food bank that 60 volunteers now use every week to plan their shifts. I want to join your scheme because the rotations would let me try product and data work before I specialise, and I enjoy building things real people rely on.',
  'In my second year I was on a five-person team building a booking app, and one teammate had stopped replying two weeks before the deadline. I messaged him privately, asked what was getting in the way, and offered to pair on the login screen he was stuck on. I also split the remaining tickets so he owned two small ones. In the end we delivered on time and scored 72 percent. I learned to ask early instead of assuming someone is lazy.',
  'I would like to say that I always work hard and I am a team player, so like, I would just do my best.',
];
for (const [i, a] of A.entries()) {
  await page.getByText(`Question ${i + 1} of 3`).waitFor();
  await page.getByLabel('Your answer').fill(a);
  await page.getByRole('button', { name: 'Submit answer' }).click();
}
await page.getByRole('button', { name: 'Finish and see results' }).click();
await page.getByRole('heading', { name: 'Your results' }).waitFor();
await page.getByText(/Scoring \d+ answer/).waitFor({ state: 'detached' });
const out = '/tmp/shots'; fs.mkdirSync(out, { recursive: true });
for (const [w, h] of [[1280, 860], [800, 600]] as const)
  for (const scheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(out, `results-${w}x${h}-${scheme}.png`) });
    const cards = page.getByTestId('answer-result');
    for (const i of [1, 2]) await cards.nth(i).screenshot({ path: path.join(out, `card${i}-${w}x${h}-${scheme}.png`) });
  }
await env.close();
