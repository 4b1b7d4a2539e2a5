/** The CDK app `cdk.json` runs: `npx cdk synth` works offline, without AWS credentials. */
import { App } from 'aws-cdk-lib';
import { buildExample } from './stacks';

const app = new App();
buildExample(app);
