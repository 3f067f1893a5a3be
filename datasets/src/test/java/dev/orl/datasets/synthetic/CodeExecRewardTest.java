package dev.orl.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.datasets.SharedData;
import dev.orl.datasets.spec.DatasetLoader;
import dev.orl.datasets.spec.DatasetSpec;
import dev.orl.datasets.synthetic.code.PythonTaskGenerator;
import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.sandbox.client.SandboxClient;
import dev.orl.sandbox.server.SandboxServer;
import dev.orl.sandbox.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The trainer's own code reward ({@code code_exec}, through the reward registry and a real sandbox server) gives
 * full marks to the reference responses of synthetic Python tasks and of adapted MBPP and HumanEval prompts, and
 * nothing to a wrong one: the reference keys mean to the verifier what this module says they mean. Needs bubblewrap
 * ({@code apt-get install -y bubblewrap}), as the sandbox does.
 */
@Tag("slow")
class CodeExecRewardTest {

    /** Each sandbox run costs ~0.1-0.3 s on two busy cores; these samples reach every family with a few runs. */
    private static final int PER_LEVEL = 6;
    private static final int PER_BENCHMARK = 10;

    private static SandboxServer server;
    private static SandboxClient client;
    private static RewardFunction codeExec;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(ServerConfig.defaults().withWorkers(2));
        client = SandboxClient.builder().url(server.uri()).build();
        codeExec = RewardRegistry.discover().provider("code_exec")
                .create(Map.of(), new BasicRewardContext(Path.of("."), List.of(client)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void assertFullMarks(Prompt prompt, String response) throws Exception {
        assertTrue(codeExec.appliesTo(prompt.dataSource()), "code_exec should apply to " + prompt.dataSource());
        Reward reward = codeExec.score(prompt, Completion.ofText(response));
        assertEquals(1.0, reward.score(), prompt.id() + ": " + reward + "\n" + response);
    }

    @Test
    void syntheticPythonReferencesScoreOne() throws Exception {
        PythonTaskGenerator generator = new PythonTaskGenerator();
        int stdin = 0;
        for (int level = 1; level <= generator.maxLevel(); level++) {
            for (Demonstration d : new SyntheticDataset(generator, null, 3, SyntheticSplit.RL, level, level)
                    .demonstrations(PER_LEVEL)) {
                assertFullMarks(d.prompt(), d.response());
                stdin += d.prompt().extra().get("family").toString().startsWith("stdin") ? 1 : 0;
            }
        }
        assertTrue(stdin > 0, "the sample should include stdin/stdout programs");
        Demonstration d = new SyntheticDataset(generator, null, 8, SyntheticSplit.RL, 4, 4).get(0);
        Reward wrong = codeExec.score(d.prompt(), Completion.ofText("```python\nprint('hello')\n```"));
        assertEquals(0.0, wrong.score(), wrong.toString());
    }

    @Test
    void flawedTeacherProgramsFailTheirTests() throws Exception {
        PythonTaskGenerator generator = new PythonTaskGenerator();
        int judged = 0;
        for (int level = 1; level <= generator.maxLevel(); level++) {
            for (Demonstration d : new SyntheticDataset(generator, null, 3, SyntheticSplit.SFT, level, level, 1.0)
                    .demonstrations(PER_LEVEL)) {
                assertEquals(Boolean.TRUE, d.prompt().extra().get(SyntheticDataset.FLAWED_KEY), d.prompt().id());
                Reward reward = codeExec.score(d.prompt(), Completion.ofText(d.response()));
                assertTrue(reward.score() < 1.0, d.prompt().id() + " flawed program passes: " + reward + "\n"
                        + d.response());
                judged++;
            }
        }
        assertEquals(PER_LEVEL * generator.maxLevel(), judged);
    }

    @Test
    void mbppAndHumanEvalReferencesScoreOne() throws Exception {
        DatasetLoader loader = DatasetLoader.builtIn(SharedData.dir());
        List<Prompt> prompts = new ArrayList<>();
        prompts.addAll(loader.load(DatasetSpec.file("mbpp", "mbpp/mbpp.jsonl"), null).prompts().subList(10, 10 + PER_BENCHMARK));
        prompts.addAll(loader.load(DatasetSpec.file("humaneval", "humaneval/HumanEval.jsonl.gz"), null)
                .prompts().subList(0, PER_BENCHMARK));
        for (Prompt p : prompts) {
            assertFullMarks(p, Demonstration.of(p).orElseThrow().response());
        }
    }
}
