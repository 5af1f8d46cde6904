import { describe, expect, it, vi } from 'vitest';
import { electronHost } from '../../src/main/electron/host';

describe('the native Import dialog', () => {
  it('picks files of the importable types, or folders', async () => {
    const dialog = {
      showOpenDialog: vi.fn().mockResolvedValue({ canceled: false, filePaths: ['/records'] }),
      showSaveDialog: vi.fn(),
    };
    const host = electronHost(dialog as never, () => null, vi.fn());
    await host.pickImportFiles();
    const files = dialog.showOpenDialog.mock.calls[0]![0];
    expect(files.properties).toEqual(['openFile', 'multiSelections']);
    expect(files.filters[0].extensions).toEqual(
      expect.arrayContaining(['txt', 'md', 'html', 'htm', 'docx']),
    );
    expect(await host.pickImportFiles({ folders: true })).toEqual(['/records']);
    const folders = dialog.showOpenDialog.mock.calls[1]![0];
    expect(folders.properties).toEqual(['openDirectory', 'multiSelections']);
  });
});
