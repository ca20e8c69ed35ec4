import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  installedModelSchema,
  modelKindSchema,
  type InstalledModel,
  type ModelKind,
} from '../../../shared/contract/models';

export const REGISTRY_FILE = 'installed.json';

const registrySchema = z.object({
  formatVersion: z.literal(1),
  models: z.array(installedModelSchema),
  /** The model each kind uses; a kind without one uses its most recently installed model. */
  active: z.partialRecord(modelKindSchema, z.string()),
});
export type RegistryData = z.infer<typeof registrySchema>;

const empty = (): RegistryData => ({ formatVersion: 1, models: [], active: {} });

/**
 * What is installed under `<dataDir>/models/<kind>/<id>/…`, kept as a small JSON file beside the
 * files rather than in the database: the speech and LLM engines (and the CLI) resolve a model
 * from the data folder alone, before or without opening the database, and a lab can inspect it.
 * Written to a temporary file then renamed, so a crash never leaves half a registry.
 */
export class ModelRegistry {
  readonly root: string;

  /** `<dataDir>/models`, or `{ root }`: a folder laid out the same way (a shipped source). */
  constructor(dataDir: string | { readonly root: string }) {
    this.root = typeof dataDir === 'string' ? path.join(dataDir, 'models') : dataDir.root;
  }

  read(): RegistryData {
    let text: string;
    try {
      text = fs.readFileSync(path.join(this.root, REGISTRY_FILE), 'utf8');
    } catch {
      return empty();
    }
    try {
      const parsed = registrySchema.safeParse(JSON.parse(text));
      // A damaged registry reads as empty: the files stay, and `models import` re-registers them.
      return parsed.success ? parsed.data : empty();
    } catch {
      return empty();
    }
  }

  list(): InstalledModel[] {
    return this.read().models;
  }

  get(id: string): InstalledModel | undefined {
    return this.list().find((m) => m.id === id);
  }

  /** Adds or replaces (same id) a record. */
  add(model: InstalledModel): void {
    this.update((data) => ({
      ...data,
      models: [...data.models.filter((m) => m.id !== model.id), model],
    }));
  }

  remove(id: string): void {
    this.update((data) => {
      const active = { ...data.active };
      for (const kind of modelKindSchema.options) if (active[kind] === id) delete active[kind];
      return { ...data, models: data.models.filter((m) => m.id !== id), active };
    });
  }

  setActive(kind: ModelKind, id: string | null): void {
    this.update((data) => {
      const active = { ...data.active };
      if (id === null) delete active[kind];
      else active[kind] = id;
      return { ...data, active };
    });
  }

  /** The folder a model's files live in. */
  folderOf(kind: ModelKind, id: string): string {
    return path.join(this.root, kind, id);
  }

  /** What an engine loads for this record (a file, or a folder for embeddings). */
  loadPath(model: InstalledModel): string {
    return path.join(this.root, model.path);
  }

  private update(change: (data: RegistryData) => RegistryData): void {
    const next = registrySchema.parse(change(this.read()));
    fs.mkdirSync(this.root, { recursive: true });
    const file = path.join(this.root, REGISTRY_FILE);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`);
    fs.renameSync(temp, file);
  }
}
