import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a <dialog> as a modal when it mounts: focus moves into it and is trapped there, and the
 * page behind is inert, as assistive technology expects of a modal dialog.
 */
export function useModal(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return dialog;
}
