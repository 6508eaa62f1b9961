import { render } from 'preact';
import { PaperLensDatabase } from '../../src/db/database';
import { OptionsApp } from '../../src/ui/options/options-app';
import { followThemeSetting } from '../../src/ui/theme-setting';

followThemeSetting();
render(<OptionsApp db={new PaperLensDatabase()} />, document.getElementById('app')!);
