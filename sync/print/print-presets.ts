/** Staff lists saved by name (migration 0009), kept in the mirror beside the reports. */
import { printPresetSpecSchema, type PrintPresetSpec } from '../../common/print/print-document';
import type { MirrorDatabase } from '../mirror-database';

export interface StoredPreset {
  id: number;
  name: string;
  spec: PrintPresetSpec;
}

/** Presets in name order; a row that no longer fits the schema (older kiosk, hand edit) is skipped. */
export function listPrintPresets(mirror: MirrorDatabase): StoredPreset[] {
  const rows = mirror
    .prepare<[], { preset_id: number; name: string; spec: string }>('SELECT preset_id, name, spec FROM print_presets ORDER BY name COLLATE NOCASE')
    .all();
  return rows.flatMap((row) => {
    const spec = printPresetSpecSchema.safeParse(JSON.parse(row.spec));
    return spec.success ? [{ id: row.preset_id, name: row.name, spec: spec.data }] : [];
  });
}

/** Saves under a name; the same name replaces the earlier preset. */
export function savePrintPreset(mirror: MirrorDatabase, name: string, spec: PrintPresetSpec): number {
  return mirror
    .prepare<[string, string], { preset_id: number }>(
      'INSERT INTO print_presets (name, spec) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET spec = excluded.spec RETURNING preset_id',
    )
    .get(name, JSON.stringify(spec))!.preset_id;
}

export function deletePrintPreset(mirror: MirrorDatabase, id: number): boolean {
  return mirror.prepare('DELETE FROM print_presets WHERE preset_id = ?').run(id).changes > 0;
}
