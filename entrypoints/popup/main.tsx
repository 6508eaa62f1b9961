import { render } from 'preact';
import { PaperLensDatabase } from '../../src/db/database';
import { PopupApp } from '../../src/ui/popup/popup-app';

render(<PopupApp db={new PaperLensDatabase()} />, document.getElementById('app')!);
