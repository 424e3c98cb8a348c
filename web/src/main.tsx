import { render } from 'preact';
import { App } from './App';
import { routes } from './routes';
import { interceptLinks } from './router';
import './styles.css';

interceptLinks((path) => routes.some((r) => r.path === path));
render(<App />, document.getElementById('app')!);
