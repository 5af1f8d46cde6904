// Handing an exported file to the user: a download in the browser; in the desktop app, the
// native save dialog (the main process writes the file where she chooses).
import type { ExportedFile } from '@shared/api/contract';
import { api, isDesktop } from '../../api/client';

function bytesOf(file: ExportedFile): BlobPart {
  if (file.encoding === 'utf8') return file.content;
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Starts a browser download of the file. */
export function downloadFile(file: ExportedFile): void {
  const type = file.encoding === 'utf8' ? `${file.mimeType};charset=utf-8` : file.mimeType;
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Gives a finished export job's file to the user. Returns where it went (a path in the desktop
 * app, the file name in the browser), or null when she cancelled the save dialog.
 */
export async function deliverJobFile(jobId: string, file: ExportedFile): Promise<string | null> {
  if (isDesktop()) {
    const saved = await api.call('export.saveJobFile', { jobId });
    return saved?.path ?? null;
  }
  downloadFile(file);
  return file.fileName;
}
