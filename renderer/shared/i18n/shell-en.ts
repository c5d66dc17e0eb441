// English for the console shell and the first-run guide; spread into en.ts.
import type { shellId } from './shell-id';

export const shellEn: Record<keyof typeof shellId, string> = {
  'shell.views': 'Views',
  'shell.view.map': 'Map & Incidents',
  'shell.view.decisions': 'Decisions',
  'shell.view.sectors': 'Sectors',
  'shell.view.connectivity': 'Connectivity',
  'shell.view.wall': 'Wall',
  'shell.view.accounts': 'Accounts',
  'shell.shortcut': 'Shortcut: {key}',
  'shell.refused': '{n} to review',
  'shell.incidentDetails': 'Incident details',
  'shell.incidentReadOnly':
    'Your role ({role}) can see incidents and their history; only operators and supervisors can change them.',
  'shell.noData':
    'No data yet. It appears once this console has synced with the central server; see the sync state in the header.',
  'shell.noPending': 'all sent',
  'shell.help': 'Guide',
  'shell.helpTitle': 'Open the quick guide (the three core tasks)',

  'guide.title': 'Quick guide',
  'guide.step': 'Step {n} of {total}',
  'guide.close': 'Close the guide',
  'guide.back': 'Back',
  'guide.next': 'Next',
  'guide.finish': 'Done',
  'guide.intro': 'The three core tasks of this room. Each step opens its view behind this guide.',
  'guide.find.title': 'Find an incident',
  'guide.find.body':
    'In Map & Incidents ({key}), type a place name or a word from a note into "Search incidents", or use the sector, status and OPD filters. Click an incident in the list or on the map: its details and history show in the right-hand column.',
  'guide.decide.title': 'Record a decision',
  'guide.decide.body':
    'In Decisions ({key}), fill in Summary, Rationale and Action, pick the related incident if there is one, then press "Record decision". The decision is signed in your name and kept while offline.',
  'guide.decide.blocked': 'Your role ({role}) can read the decision log but not record decisions.',
  'guide.wall.title': 'Switch the wall',
  'guide.wall.body':
    'In Wall ({key}), press "Show …" on the layout you want, or the keys 1–9 while the Wall view is open. Wrong one? Press "Undo", U or Ctrl+Z.',
  'guide.wall.blocked': 'Your role ({role}) can see what the wall shows but not switch it.',
  'guide.reopen': 'Open this guide again at any time with the "Guide" button in the header.',
} as const;
