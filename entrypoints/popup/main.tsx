import { render } from 'preact';
import { PaperLensDatabase } from '../../src/db/database';
import { PopupApp } from '../../src/ui/popup/popup-app';
import { followThemeSetting } from '../../src/ui/theme-setting';

followThemeSetting();
render(<PopupApp db={new PaperLensDatabase()} />, document.getElementById('app')!);
