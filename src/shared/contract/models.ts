import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { modelKinds } from './constants';
import { handler } from './define';

export { modelKinds } from './constants';
export const modelKindSchema = z.enum(modelKinds);
export type ModelKind = z.infer<typeof modelKindSchema>;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits');

/** A path inside a model's folder: relative, forward slashes, never leaving the folder. */
const relativePathSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((s) => s === '..' || !s),
    'a relative path inside the model folder (no "..", no leading "/")',
  );

export const manifestFileSchema = z.object({
  path: relativePathSchema,
  url: z.url({ protocol: /^https?$/ }),
  size: z.number().int().positive(),
  /** null only when no trustworthy value was found: the first verified download is pinned. */
  sha256: sha256Schema.nullable(),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const manifestEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,60}$/, 'a lower-case slug'),
    name: z.string().min(1).max(80),
    kind: modelKindSchema,
    description: z.string().max(400),
    license: z.string().min(1).max(80),
    licenseUrl: z.url(),
    /** Memory the model needs while running, in MB (weights + working memory). */
    ramMb: z.number().int().positive(),
    /** 1 (rough) … 5 (best) and 1 (slow) … 5 (fast): for the list and the recommendation. */
    quality: z.number().int().min(1).max(5),
    speed: z.number().int().min(1).max(5),
    notes: z.string().max(400),
    /** Records the sha256 of the first verified download of files whose sha256 is null. */
    pinOnFirstDownload: z.boolean().default(false),
    files: z.array(manifestFileSchema).min(1),
  })
  .superRefine((entry, ctx) => {
    const unpinned = entry.files.filter((f) => f.sha256 === null);
    if (unpinned.length > 0 && !entry.pinOnFirstDownload) {
      ctx.addIssue({
        code: 'custom',
        path: ['pinOnFirstDownload'],
        message: `files without a sha256 (${unpinned.map((f) => f.path).join(', ')}) need pinOnFirstDownload`,
      });
    }
    const paths = entry.files.map((f) => f.path);
    if (new Set(paths).size !== paths.length) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: 'file paths must be unique' });
    }
  });
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const modelManifestSchema = z
  .object({ formatVersion: z.literal(1), models: z.array(manifestEntrySchema) })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.models.forEach((m, i) => {
      if (seen.has(m.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['models', i, 'id'],
          message: `duplicate id ${m.id}`,
        });
      }
      seen.add(m.id);
    });
  });
export type ModelManifest = z.infer<typeof modelManifestSchema>;

export const modelSources = ['download', 'import', 'custom'] as const;
export const modelSourceSchema = z.enum(modelSources);
export type ModelSource = z.infer<typeof modelSourceSchema>;

/** What is installed: the record the registry keeps for each model folder. */
export const installedModelSchema = z.object({
  id: z.string().min(1).max(120),
  kind: modelKindSchema,
  name: z.string(),
  source: modelSourceSchema,
  /** The manifest entry it came from; null for a custom model. */
  manifestId: z.string().nullable(),
  /** Relative to `<dataDir>/models`: what an engine loads (a file, or a folder for embeddings). */
  path: z.string().min(1),
  files: z.array(z.object({ path: z.string(), size: z.number().int(), sha256: sha256Schema })),
  installedAt: isoDateSchema,
});
export type InstalledModel = z.infer<typeof installedModelSchema>;

export const downloadStateSchema = z.object({
  status: z.enum(['queued', 'running', 'paused']),
  jobId: idSchema.nullable(),
  bytes: z.number(),
  total: z.number(),
  bytesPerSecond: z.number(),
  /** null while the speed is not known yet. */
  etaSeconds: z.number().nullable(),
  /** Why the last attempt stopped, when it failed (the partial file is kept for a resume). */
  error: z.string().nullable(),
});
export type DownloadState = z.infer<typeof downloadStateSchema>;

export const modelRecommendationSchema = z.object({
  kind: modelKindSchema,
  modelId: z.string().nullable(),
  reason: z.string(),
});
export type ModelRecommendation = z.infer<typeof modelRecommendationSchema>;

export const modelListSchema = z.object({
  machine: z.object({ totalRamMb: z.number(), cpuCount: z.number() }),
  catalog: z.array(
    z.object({
      entry: manifestEntrySchema,
      sizeBytes: z.number(),
      installed: installedModelSchema.nullable(),
      download: downloadStateSchema.nullable(),
      recommended: z.boolean(),
    }),
  ),
  /** Installed models that are not in the manifest (custom imports). */
  custom: z.array(installedModelSchema),
  active: z.record(modelKindSchema, z.string().nullable()),
  /** Set by REHEARSE_*_MODEL environment variables: these win over the active choice. */
  overrides: z.record(modelKindSchema, z.string().nullable()),
  recommendations: z.array(modelRecommendationSchema),
});
export type ModelList = z.infer<typeof modelListSchema>;

export const modelImportReportSchema = z.object({
  installed: z.array(
    z.object({ id: z.string(), kind: modelKindSchema, source: modelSourceSchema }),
  ),
  /** Already installed with the same content: nothing copied. */
  alreadyInstalled: z.array(z.string()),
  /** Manifest models with some but not all of their files in the folder. */
  incomplete: z.array(z.object({ id: z.string(), missing: z.array(z.string()) })),
  /** Files looked at and not used, with why (only for files of a requested --kind). */
  rejected: z.array(z.object({ path: z.string(), reason: z.string() })),
  scannedFiles: z.number().int(),
});
export type ModelImportReport = z.infer<typeof modelImportReportSchema>;

export const modelVerifyReportSchema = z.array(
  z.object({ id: z.string(), ok: z.boolean(), problems: z.array(z.string()) }),
);
export type ModelVerifyReport = z.infer<typeof modelVerifyReportSchema>;

const modelIdInput = z.object({ modelId: z.string().min(1).max(120) });
const jobRef = z.object({ jobId: idSchema });

export const modelsContract = {
  'models.list': handler(z.object({}), modelListSchema),
  'models.download': handler(modelIdInput, jobRef),
  'models.pause': handler(modelIdInput, z.object({ ok: z.literal(true) })),
  'models.resume': handler(modelIdInput, jobRef),
  'models.cancel': handler(modelIdInput, z.object({ ok: z.literal(true) })),
  'models.import': handler(
    z.object({ path: z.string().min(1).max(1000), kind: modelKindSchema.optional() }),
    modelImportReportSchema,
  ),
  'models.verify': handler(z.object({}), modelVerifyReportSchema),
  'models.delete': handler(modelIdInput, z.object({ ok: z.literal(true) })),
  'models.setActive': handler(
    z.object({ kind: modelKindSchema, modelId: z.string().min(1).max(120).nullable() }),
    z.object({ ok: z.literal(true) }),
  ),
} as const;
