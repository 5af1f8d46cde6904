// Side panels (the library list, the notes) fold away to give the text the room, and unfold
// again; the window remembers which were folded.
import { useEffect, useState, type JSX } from 'react';

function stored(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === 'collapsed';
  } catch {
    return false;
  }
}

/** Whether the panel is folded, remembered under `key` (a UI preference of this window). */
export function usePanelCollapsed(key: string): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(() => stored(key));
  useEffect(() => {
    try {
      if (collapsed) window.localStorage.setItem(key, 'collapsed');
      else window.localStorage.removeItem(key);
    } catch {
      // Storage may be unavailable; the choice then lasts for this session.
    }
  }, [key, collapsed]);
  return [collapsed, setCollapsed];
}

/** The button that folds or unfolds a panel, named for what it will do. */
export function PanelToggle(props: {
  /** What the panel is called, e.g. "notes panel". */
  name: string;
  collapsed: boolean;
  controls: string;
  /** Which way the panel folds: the arrow points where it goes. */
  side: 'left' | 'right';
  onToggle(): void;
}): JSX.Element {
  const towardsEdge = props.side === 'left' ? '«' : '»';
  const awayFromEdge = props.side === 'left' ? '»' : '«';
  return (
    <button
      type="button"
      className="panel-toggle"
      aria-expanded={!props.collapsed}
      aria-controls={props.controls}
      aria-label={`${props.collapsed ? 'Show' : 'Hide'} the ${props.name}`}
      title={`${props.collapsed ? 'Show' : 'Hide'} the ${props.name}`}
      onClick={props.onToggle}
    >
      <span aria-hidden="true">{props.collapsed ? awayFromEdge : towardsEdge}</span>
    </button>
  );
}
