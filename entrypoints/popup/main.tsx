import { render } from 'preact';

render(<main><h1>HLED Lens</h1></main>, document.getElementById('app')!);
