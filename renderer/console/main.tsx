import { mountApp } from '../shared/mount';
import { ConsoleApp } from './console-app';
import '../shared/theme.css';
import './console.css';
import './incidents/incident-flow.css';
import './decisions/decision-log-extra.css';

mountApp(<ConsoleApp />);
